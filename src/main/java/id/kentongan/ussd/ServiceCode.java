package id.kentongan.ussd;

/**
 * The one way a dialled code is turned into the code a menu is published for. Gateways send {@code *567#},
 * {@code *567*1#} (a shortcut), {@code 567} (Hubtel) or just {@code 567} as an SMPP destination address; all mean
 * {@code *567#}.
 */
public final class ServiceCode {
    private ServiceCode() {}

    /** {@code *567#} from any of the forms above; the shortcut's extra inputs are the caller's business. */
    public static String normalise(String raw) {
        String digits = raw == null ? "" : raw.strip();
        if (digits.startsWith("*")) digits = digits.substring(1);
        if (digits.endsWith("#")) digits = digits.substring(0, digits.length() - 1);
        int star = digits.indexOf('*');
        if (star >= 0) digits = digits.substring(0, star);
        return "*" + digits + "#";
    }
}
