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
        return switch (p.event()) {
            case BEFORE_7 -> "BPJS TK: Yth " + name + ", perlindungan JKK+JKM Anda berakhir " + date + ". Iuran " + amount
                    + "/bln. Bayar lewat " + ussdCode + " pilih 3 atau agen Perisai. STOP=berhenti";
            case BEFORE_1 -> "BPJS TK: Yth " + name + ", perlindungan JKK+JKM Anda berakhir BESOK " + date + ". Bayar " + amount
                    + " lewat " + ussdCode + " pilih 3 atau agen Perisai. STOP=berhenti";
            case LAPSED -> "BPJS TK: Yth " + name + ", sejak " + date + " Anda TIDAK terlindungi JKK+JKM. Bayar " + amount
                    + " lewat " + ussdCode + " pilih 3 agar aktif lagi. STOP=berhenti";
            case FINAL -> "BPJS TK: PERINGATAN TERAKHIR " + name + ", kepesertaan JKK+JKM berakhir " + date + " bila belum bayar "
                    + amount + ". Bayar lewat " + ussdCode + " pilih 3. STOP=berhenti";
        };
    }
}
