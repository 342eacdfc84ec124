package id.kentongan.sms;

import id.kentongan.actions.ActionCall;
import id.kentongan.actions.Actions;
import id.kentongan.community.Community;
import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Rupiah;
import id.kentongan.member.ContributionPlan;
import id.kentongan.menu.ActionOutcome;
import id.kentongan.outbox.OptOuts;
import id.kentongan.outbox.SmsSender;
import id.kentongan.text.Digest;
import id.kentongan.store.Quota;
import id.kentongan.session.SessionStore;
import id.kentongan.store.TtlStore;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * Answers a worker's SMS. Keywords run the same actions as the USSD menu (so registration and payment codes are
 * once-only in the same way), and every answer goes back by SMS in Bahasa Indonesia. Registration by SMS declares the
 * smallest income band (Rp1.000.000); the reply says how to change it through the USSD code.
 */
public final class MoHandler {
    /** The answer to BANTUAN (and to what is not understood), naming the configured USSD code. */
    public static String help(String ussdCode) {
        return "Kentongan BPJS TK: DAFTAR#NIK#NAMA daftar asuransi kerja, CEK status, BAYAR 3 kode bayar 3 bulan, "
                + "STOP/MULAI pengingat. Atau tekan " + ussdCode;
    }
    static final String BUSY = "Layanan sedang sibuk, silakan coba lagi nanti.";

    private final Actions actions;
    private final OptOuts optOuts;
    private final SmsSender sms;
    private final Clock clock;
    private final Community community;
    private final String ussdCode;

    static final String TOO_MANY = "Terlalu banyak SMS dari nomor ini. Tunggu 1 menit, lalu kirim lagi.";
    private static final Logger log = LoggerFactory.getLogger(MoHandler.class);

    private final TtlStore quotas;
    private final Quota perMinute;

    public MoHandler(Actions actions, OptOuts optOuts, SmsSender sms, Clock clock, Community community, String ussdCode,
                     TtlStore quotas, Quota perMinute) {
        this.quotas = quotas;
        this.perMinute = perMinute;
        this.ussdCode = ussdCode;
        this.community = community;
        this.actions = actions;
        this.optOuts = optOuts;
        this.sms = sms;
        this.clock = clock;
    }

    public Future<Void> handle(Msisdn from, String text) {
        // The same request from the same phone on the same day is one request (an SMSC may deliver an MO twice, a
        // worker may send again): one registration, one payment code. Every SMS still gets its own answer.
        SmsCommand command = SmsCommand.parse(text);
        String id = Digest.sha256Hex(from.value() + "|" + LocalDate.now(clock) + "|" + command, 10);
        return perMinute.count(quotas, from.value()).compose(n -> {
            if (n <= perMinute.max()) {
                return answer(from, command, id).recover(e -> Future.succeededFuture(BUSY)).compose(reply -> sms.send(from, reply));
            }
            // Over the quota: told once, then not answered (each answer is an SMS we pay for, to a number flooding us).
            log.warn("MO from {} over {} a minute ({}): {}", from.masked(), perMinute.max(), n,
                    n == perMinute.max() + 1 ? "told once" : "not answered");
            return n == perMinute.max() + 1 ? sms.send(from, TOO_MANY) : Future.succeededFuture();
        });
    }

    private Future<String> answer(Msisdn from, SmsCommand c, String id) {
        if (c instanceof SmsCommand.Register r) {
            return run("member.register", from, id, Map.of("nik", r.nik(), "name", r.name(), "occupation", "lainnya",
                    "income", Long.toString(ContributionPlan.MIN_INCOME))).map(o -> switch (o.result()) {
                case "ok" -> "Selamat, Anda terdaftar JKK+JKM. Nomor kartu (KPJ): " + o.values().get("kpj") + ". Iuran "
                        + Rupiah.format(new ContributionPlan(ContributionPlan.MIN_INCOME).monthly())
                        + "/bulan (penghasilan Rp1.000.000; ubah lewat " + ussdCode + "). Bayar: kirim BAYAR 1";
                case "registered" -> "NIK ini sudah terdaftar, nomor kartu (KPJ): " + o.values().get("kpj") + ". Kirim CEK untuk status.";
                case "registered_other" -> "NIK ini sudah terdaftar dari nomor " + o.values().get("owner_phone")
                        + ". Cek status dari nomor itu atau hubungi agen Perisai.";
                case "limit" -> "Batas pemeriksaan NIK hari ini tercapai. Coba lagi besok atau hubungi agen Perisai.";
                default -> BUSY;
            });
        }
        if (c instanceof SmsCommand.Check) {
            return run("member.status", from, id, Map.of()).map(o -> {
                Map<String, String> v = o.values();
                return switch (o.result()) {
                    case "active" -> "Status AKTIF. Nomor kartu " + v.get("kpj") + ", sudah bayar sampai " + v.get("paid_through")
                            + ". Iuran " + rp(v.get("monthly")) + "/bulan.";
                    case "pending" -> "Status BELUM AKTIF. Nomor kartu " + v.get("kpj") + ". Iuran pertama " + rp(v.get("due"))
                            + " belum dibayar. Kirim BAYAR 1.";
                    case "lapsed" -> "Status TIDAK AKTIF. Nomor kartu " + v.get("kpj") + ", sudah bayar sampai " + v.get("paid_through") + ". Belum dibayar "
                            + v.get("arrears") + " bulan: " + rp(v.get("due")) + ". Kirim BAYAR " + v.get("arrears") + ".";
                    case "ended" -> "Keanggotaan nomor kartu " + v.get("kpj") + " berhenti (lebih dari 3 bulan tidak bayar). Hubungi agen Perisai atau telepon 175.";
                    case "not_registered" -> "Nomor ini belum terdaftar. Kirim DAFTAR#NIK#NAMA atau tekan " + ussdCode + ".";
                    default -> BUSY;
                };
            });
        }
        if (c instanceof SmsCommand.Pay p) {
            return run("payment.create", from, id, Map.of("months", Integer.toString(p.months()))).map(o -> switch (o.result()) {
                case "ok" -> "Kode iuran: " + o.values().get("pay_code") + ", jumlah " + rp(o.values().get("total"))
                        + ". Bayar di bank, minimarket atau e-wallet sebelum " + o.values().get("pay_expires") + ".";
                case "not_registered" -> "Nomor ini belum terdaftar. Kirim DAFTAR#NIK#NAMA atau tekan " + ussdCode + ".";
                case "ended" -> "Keanggotaan berhenti (lebih dari 3 bulan tidak bayar). Hubungi agen Perisai atau telepon 175.";
                default -> BUSY;
            });
        }
        if (c instanceof SmsCommand.Stop) {
            return optOuts.optOut(from).map("Anda tidak akan menerima pengingat iuran lagi. Kirim MULAI untuk menerimanya kembali.");
        }
        if (c instanceof SmsCommand.Start) {
            return optOuts.optIn(from).map("Pengingat iuran aktif kembali. Kirim STOP untuk berhenti.");
        }
        if (c instanceof SmsCommand.Consent yes) return community.consent(from, yes.yes());
        if (c instanceof SmsCommand.GroupNews news) {
            return community.groupNews(from, news.on()).map(news.on()
                    ? "Anda akan menerima kabar kelompok Anda. Kirim KABAR STOP untuk berhenti."
                    : "Kabar kelompok tidak dikirim lagi. Kirim KABAR untuk menerimanya kembali.");
        }
        if (c instanceof SmsCommand.Language l) {
            // Remembered for the phone, as the menu's own language choice is: the next dial opens in it.
            return switch (l.code()) {
                case "en" -> quotas.put(quotas.keys().language(from), "en", SessionStore.LANGUAGE_MEMORY)
                        .map("Language set to English. Dial " + ussdCode + " to use it. Send BASA INDONESIA to change back.");
                case "id" -> quotas.put(quotas.keys().language(from), "id", SessionStore.LANGUAGE_MEMORY)
                        .map("Bahasa diganti ke Bahasa Indonesia. Tekan " + ussdCode + ".");
                default -> Future.succeededFuture("Basa Jawa belum tersedia. Kirim BASA INDONESIA atau BASA INGGRIS.");
            };
        }
        if (c instanceof SmsCommand.Invalid i) return Future.succeededFuture(i.reply());
        return Future.succeededFuture(help(ussdCode));
    }

    private Future<ActionOutcome> run(String action, Msisdn from, String id, Map<String, String> values) {
        return actions.run(action, new ActionCall(from, "sms-" + id, "sms_" + action.replace('.', '_'), values));
    }

    private static String rp(String digits) {
        long v = Rupiah.parse(digits);
        return v < 0 ? digits : Rupiah.format(v);
    }

}
