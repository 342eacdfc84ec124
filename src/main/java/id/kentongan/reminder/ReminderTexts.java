package id.kentongan.reminder;

import id.kentongan.domain.Names;
import id.kentongan.domain.Rupiah;

import java.time.format.DateTimeFormatter;

/**
 * The reminder SMS, in plain Bahasa Indonesia and one GSM-7 segment (160 characters) for any name: the first name
 * only, cut to 12 letters. Each says what happens, by when, how much, how to pay, and how to stop reminders.
 */
public final class ReminderTexts {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final String ussdCode;

    public ReminderTexts(String ussdCode) {
        this.ussdCode = ussdCode;
    }

    public String text(ReminderPlan.Planned p) {
        String name = Names.firstName(p.member().name());
        String date = DATE.format(p.date());
        String amount = Rupiah.format(p.amountDue());
        // Plain words (what JKK and JKM are, not their names), and an answer the worker can give from the SMS itself:
        // BAYAR (one month) or BAYAR 3 brings a payment code by SMS (sms.MoHandler); the USSD code stays for those who
        // would rather dial.
        return switch (p.event()) {
            case BEFORE_7 -> "BPJS TK: Yth " + name + ", asuransi kecelakaan kerja & kematian Anda habis " + date + ". Iuran " + amount
                    + "/bulan. Balas BAYAR atau tekan " + ussdCode + ". STOP=berhenti";
            case BEFORE_1 -> "BPJS TK: Yth " + name + ", asuransi kecelakaan kerja & kematian Anda habis BESOK " + date + ". Bayar "
                    + amount + ": balas BAYAR atau tekan " + ussdCode + ". STOP=berhenti";
            case LAPSED -> "BPJS TK: Yth " + name + ", sejak " + date + " Anda TIDAK punya asuransi kecelakaan kerja & kematian. Bayar "
                    + amount + ": balas BAYAR atau " + ussdCode + ". STOP=berhenti";
            case FINAL -> "BPJS TK: PERINGATAN TERAKHIR " + name + ", kepesertaan Anda berakhir " + date + " bila belum bayar "
                    + amount + ". Balas BAYAR 3 atau tekan " + ussdCode + ". STOP=berhenti";
        };
    }
}
