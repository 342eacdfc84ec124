package id.kentongan.reminder;

import id.kentongan.domain.Names;
import id.kentongan.domain.Rupiah;
import id.kentongan.text.Wording;

import java.time.format.DateTimeFormatter;

/**
 * The reminder SMS (texts/sms.yaml), in the phone's language and one GSM-7 segment (160 characters) for any name: the
 * first name only, cut to 12 letters. Each says what happens, by when, how much, how to pay, and how to stop reminders.
 */
public final class ReminderTexts {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final String ussdCode;
    private final Wording words = Wording.standard();

    public ReminderTexts(String ussdCode) {
        this.ussdCode = ussdCode;
    }

    public String text(ReminderPlan.Planned p, String language) {
        // Plain words (what JKK and JKM are, not their names), and an answer the worker can give from the SMS itself:
        // BAYAR (one month) or BAYAR 3 brings a payment code by SMS (sms.MoHandler); the USSD code stays for those who
        // would rather dial.
        String name = switch (p.event()) {
            case BEFORE_7 -> "reminder.before_7";
            case BEFORE_1 -> "reminder.before_1";
            case LAPSED -> "reminder.lapsed";
            case FINAL -> "reminder.final";
        };
        return words.say(name, language, "name", Names.firstName(p.member().name()), "date", DATE.format(p.date()),
                "amount", Rupiah.format(p.amountDue()), "ussd", ussdCode);
    }
}
