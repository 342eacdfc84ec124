package id.kentongan.menu;

/** The engine's own words, Bahasa Indonesia first. Kept short: they share the page with the screen they annotate. */
public final class SystemTexts {
    private SystemTexts() {}

    public static final Text NEXT_PAGE = Text.of("99. Lanjut", "99. More", "99. Terus");
    public static final Text BACK = Text.of("0. Kembali", "0. Back", "0. Balik");
    public static final Text INVALID_OPTION = Text.of("Pilihan tidak ada.", "No such option.", "Pilihan ora ana.");
    public static final Text EMPTY_INPUT = Text.of("Belum diisi.", "Nothing entered.", "Durung diisi.");
    public static final Text TOO_LONG = Text.of("Terlalu panjang.", "Too long.", "Kedawan.");
    public static final Text BUSY = Text.of(
            "Layanan sedang sibuk, silakan coba lagi.",
            "Service is busy, please try again.",
            "Layanan lagi rame, jajal maning.");
    /** A number over its hop quota (a gateway retrying in a loop, a script): both languages, no session is read. */
    public static final String TOO_MANY = "Terlalu banyak permintaan. Coba lagi 1 menit lagi.\nToo many requests. Try again in a minute.";
    /** Shown when we cannot know the worker's language (session store down, or the hop shed unread): both languages. */
    public static final String BUSY_BOTH = "Layanan sedang sibuk, silakan coba lagi.\nService is busy, please try again.";
    public static final Text RESUME = Text.of(
            "Menu tadi terputus.\n1. Lanjutkan\n2. Mulai dari awal",
            "Your last session was cut off.\n1. Continue\n2. Start again",
            "Menu mau kepedhot.\n1. Terusna\n2. Mulai sekang awal");
    public static final String UNKNOWN_SERVICE = "Kode layanan tidak dikenal.\nUnknown service code.";

    /** Longest hint the engine may put above a screen, for the length check. */
    static int longestHint(String language) {
        int n = 0;
        for (Text t : new Text[] {INVALID_OPTION, EMPTY_INPUT, TOO_LONG}) n = Math.max(n, t.in(language, "id").length());
        return n;
    }
}
