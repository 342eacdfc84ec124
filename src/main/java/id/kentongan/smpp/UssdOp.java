package id.kentongan.smpp;

/** Values of the ussd_service_op TLV (0x0501), and how operators say "session goes on" or "ends" over SMPP. */
public final class UssdOp {
    public static final byte PSSD_INDICATION = 0;
    public static final byte PSSR_INDICATION = 1;  // the phone dialled a code: a session begins
    public static final byte USSR_REQUEST = 2;     // we show a screen and expect an answer
    public static final byte USSN_REQUEST = 3;
    public static final byte PSSD_RESPONSE = 16;
    public static final byte PSSR_RESPONSE = 17;   // we show the last screen: the session ends
    public static final byte USSR_CONFIRM = 18;    // the phone answered a screen
    public static final byte USSN_CONFIRM = 19;

    /** Operators that carry the session state in service_type instead. */
    public static final String BEGIN = "BR";
    public static final String CONTINUE = "CR";
    public static final String END = "EF";

    private UssdOp() {}
}
