package id.kentongan.member;

import java.util.Optional;

/** What the worker does, in the words the market uses. Codes are what menus store. */
public enum Occupation {
    TUKANG_PARKIR("tukang_parkir"),
    PEDAGANG_KAKI_LIMA("pkl"),
    OJEK("ojek"),
    BURUH_HARIAN("buruh_harian"),
    PENDERES("penderes"),
    LAINNYA("lainnya");

    private final String code;

    Occupation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Occupation> byCode(String code) {
        for (Occupation o : values()) if (o.code.equals(code)) return Optional.of(o);
        return Optional.empty();
    }
}
