package id.kentongan.actions;

import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Names;
import id.kentongan.domain.Rupiah;
import id.kentongan.member.Member;
import id.kentongan.outbox.SmsSender;
import id.kentongan.payment.PaymentCode;
import id.kentongan.text.Wording;
import io.vertx.core.Future;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The SMS a worker keeps after a USSD dialogue: a screen disappears, an SMS stays in the phone. After registering, the
 * card number (KPJ), the monthly amount and how to pay; after a payment code is made, the code, the amount, the
 * deadline (with its time zone) and where to pay. Once each (the outbox sends a key once), in the dialogue's language
 * (texts/sms.yaml), one SMS each.
 */
final class Keepsakes {
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final SmsSender sms;
    private final String ussdCode;
    private final ZoneId zone;
    private final Wording words = Wording.standard();

    Keepsakes(SmsSender sms, String ussdCode, ZoneId zone) {
        this.sms = sms;
        this.ussdCode = ussdCode;
        this.zone = zone;
    }

    /** WIB, WITA or WIT: a deadline without its zone is read in the reader's own. */
    static String zoneName(ZoneId zone) {
        return switch (zone.getId()) {
            case "Asia/Makassar", "Asia/Ujung_Pandang" -> "WITA";
            case "Asia/Jayapura" -> "WIT";
            default -> "WIB";
        };
    }

    String deadline(java.time.Instant at) {
        return DEADLINE.format(at.atZone(zone)) + " " + zoneName(zone);
    }

    Future<Void> registered(Member m, String language) {
        String text = words.say("kept.registered", language, "name", Names.firstName(m.name()), "kpj", m.kpj(),
                "monthly", Rupiah.format(m.plan().monthly()), "ussd", ussdCode);
        return sms.send("kept-reg:" + m.kpj(), m.msisdn(), text);
    }

    Future<Void> paymentCode(Msisdn to, PaymentCode code, int months, String language) {
        String text = words.say("kept.code", language, "code", code.shown(), "amount", Rupiah.format(code.amount()),
                "months", Integer.toString(months), "deadline", deadline(code.expiresAt()));
        return sms.send("kept-code:" + code.code(), to, text);
    }
}
