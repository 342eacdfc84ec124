package id.kentongan.menu;

/** What the phone shows: the text of one USSD page, and whether the session goes on. */
public record Reply(String text, boolean end) {
    public static Reply con(String text) {
        return new Reply(text, false);
    }

    public static Reply end(String text) {
        return new Reply(text, true);
    }
}
