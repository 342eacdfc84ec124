package id.kentongan.smpp;

import org.jsmpp.DefaultPDUReader;
import org.jsmpp.InvalidCommandLengthException;
import org.jsmpp.PDUReader;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Command;
import org.jsmpp.util.DefaultDecomposer;
import org.jsmpp.util.PDUDecomposer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger log = LoggerFactory.getLogger(BoundedPduReader.class);
    private static final PDUDecomposer DECODER = new DefaultDecomposer();
    /** A command id SMPP does not define: jSMPP answers it with generic_nack ESME_RINVCMDID. */
    static final int UNDEFINED_COMMAND = 0x0000FFFF;

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
        byte[] pdu = read(in, pduHeader.getCommandLength(), pduHeader.getCommandId(), pduHeader.getCommandStatus(),
                pduHeader.getSequenceNumber());
        if (decodable(pdu, pduHeader.getCommandId(), pduHeader.getSequenceNumber())) return pdu;
        pduHeader.setCommandId(UNDEFINED_COMMAND); // jSMPP dispatches on the header
        return unknownCommand(pdu);
    }

    @Override
    public byte[] readPDU(DataInputStream in, int commandLength, int commandId, int commandStatus, int sequenceNumber)
            throws IOException {
        return read(in, commandLength, commandId, commandStatus, sequenceNumber);
    }

    private byte[] read(DataInputStream in, int commandLength, int commandId, int commandStatus, int sequenceNumber) throws IOException {
        if (commandLength > MAX_COMMAND_LENGTH) throw new IOException("command_length " + commandLength + " above " + MAX_COMMAND_LENGTH);
        try {
            return delegate.readPDU(in, commandLength, commandId, commandStatus, sequenceNumber);
        } catch (Error e) { // never let the reader thread die with the socket open: close, and bind again
            throw new IOException("reading a PDU failed: " + e, e);
        }
    }

    /**
     * Whether jSMPP can decode what the SMSC delivers to us. A deliver_sm whose {@code sm_length} runs past its body, or
     * one cut short, used to throw inside jSMPP's processing threads: no answer at all (a real SMSC then retries it
     * forever) and a raw stack trace on stderr.
     */
    private static boolean decodable(byte[] pdu, int commandId, int sequenceNumber) {
        if (commandId != SMPPConstant.CID_DELIVER_SM && commandId != SMPPConstant.CID_DATA_SM) return true;
        try {
            if (commandId == SMPPConstant.CID_DELIVER_SM) DECODER.deliverSm(pdu);
            else DECODER.dataSm(pdu);
            return true;
        } catch (PDUStringException | RuntimeException e) {
            log.warn("malformed {} (sequence {}, {} bytes) from the SMSC answered with generic_nack: {}",
                    commandId == SMPPConstant.CID_DELIVER_SM ? "deliver_sm" : "data_sm", sequenceNumber, pdu.length, e.toString());
            return false;
        }
    }

    /**
     * The same PDU with a command id SMPP does not define, so that jSMPP answers it as it answers any unknown command:
     * generic_nack ESME_RINVCMDID with the PDU's own sequence number. jSMPP offers no other way to answer an undecodable
     * PDU from the reader; the bind stays up and the SMSC learns this one will never be acknowledged.
     */
    private static byte[] unknownCommand(byte[] pdu) {
        byte[] marked = pdu.clone();
        marked[4] = 0;
        marked[5] = 0;
        marked[6] = (byte) (UNDEFINED_COMMAND >> 8);
        marked[7] = (byte) UNDEFINED_COMMAND;
        return marked;
    }
}
