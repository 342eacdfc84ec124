package id.kentongan.smpp;

/** The SMPP command_status values Kentongan treats specially. */
public final class SmppStatus {
    public static final int ESME_ROK = 0x00;
    public static final int ESME_RALYBND = 0x05;
    public static final int ESME_RINVDSTADR = 0x0B;
    public static final int ESME_RMSGQFUL = 0x14;
    public static final int ESME_RTHROTTLED = 0x58;
    public static final int ESME_RSYSERR = 0x08;

    private SmppStatus() {}

    /** Worth trying again later: the SMSC is busy, not refusing the message. */
    public static boolean transientError(int status) {
        return status == ESME_RTHROTTLED || status == ESME_RMSGQFUL || status == ESME_RSYSERR;
    }
}
