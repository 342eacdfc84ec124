package id.kentongan.smpp;

import org.jsmpp.DefaultPDUReader;
import org.jsmpp.InvalidCommandLengthException;
import org.jsmpp.PDUReader;
import org.jsmpp.bean.Command;

import java.io.DataInputStream;
import java.io.IOException;

/**
 * jSMPP's PDU reader with two guards a hostile or broken SMSC needs. A {@code command_length} above
 * {@link #MAX_COMMAND_LENGTH} is refused before anything is allocated: {@code 0x7fffffff} used to allocate 2 GB and
 * kill the reader thread with an OutOfMemoryError while the socket stayed open and the bind looked up. And any Error
 * while reading becomes an IOException. Both close the session at once (and {@code SmscConnection} binds again):
 * after a bogus length the stream cannot be resynchronised, and jSMPP's own answer to an invalid length (generic_nack,
 * then unbindAndClose on the reader thread) waits for an unbind_resp that only the blocked reader could read.
 */
final class BoundedPduReader implements PDUReader {
    /** The largest PDU worth reading: a deliver_sm carrying a 64 KB message_payload and every other field. */
    static final int MAX_COMMAND_LENGTH = 70_000;

    private final PDUReader delegate = new DefaultPDUReader();

    @Override
    public Command readPDUHeader(DataInputStream in) throws InvalidCommandLengthException, IOException {
        Command header = delegate.readPDUHeader(in);
        if (header.getCommandLength() > MAX_COMMAND_LENGTH) {
            throw new IOException("command_length " + Integer.toUnsignedString(header.getCommandLength())
                    + " above " + MAX_COMMAND_LENGTH + ": refused before reading it; closing the bind");
        }
        return header;
    }

    @Override
    public byte[] readPDU(DataInputStream in, Command pduHeader) throws IOException {
        return readPDU(in, pduHeader.getCommandLength(), pduHeader.getCommandId(), pduHeader.getCommandStatus(),
                pduHeader.getSequenceNumber());
    }

    @Override
    public byte[] readPDU(DataInputStream in, int commandLength, int commandId, int commandStatus, int sequenceNumber)
            throws IOException {
        if (commandLength > MAX_COMMAND_LENGTH) throw new IOException("command_length " + commandLength + " above " + MAX_COMMAND_LENGTH);
        try {
            return delegate.readPDU(in, commandLength, commandId, commandStatus, sequenceNumber);
        } catch (Error e) { // never let the reader thread die with the socket open: close, and bind again
            throw new IOException("reading a PDU failed: " + e, e);
        }
    }
}
