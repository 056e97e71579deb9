package eu.candela.eodata.jpeg2000;

import eu.candela.eodata.raster.RasterFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Where the JPEG 2000 codestream lies in a file: the payload of the JP2 {@code jp2c} box, or the
 * whole file when it is a raw codestream (starting with the SOC marker). Box lengths follow
 * ISO/IEC 15444-1 Annex I: 0 means "to the end of the file", 1 means an 8-byte extended length
 * follows the type.
 *
 * @param offset byte offset of the first codestream byte (the SOC marker)
 * @param length number of codestream bytes
 */
record Codestream(long offset, long length) {
    private static final int JP2_SIGNATURE_TYPE = 0x6A502020; // 'jP  '
    private static final int CODESTREAM_TYPE = 0x6A703263;    // 'jp2c'
    private static final int SOC = 0xFF4F;

    static Codestream locate(FileChannel file) throws IOException {
        long size = file.size();
        ByteBuffer head = read(file, 0, (int) Math.min(16, size));
        if (head.remaining() >= 2 && (head.getShort(0) & 0xFFFF) == SOC) {
            return new Codestream(0, size);
        }
        if (head.remaining() < 8 || head.getInt(4) != JP2_SIGNATURE_TYPE) {
            throw new RasterFormatException("not a JPEG 2000 file (no JP2 signature box nor SOC marker)");
        }
        long position = 0;
        while (position + 8 <= size) {
            ByteBuffer box = read(file, position, (int) Math.min(16, size - position));
            long length = box.getInt(0) & 0xFFFFFFFFL;
            int type = box.getInt(4);
            int header = 8;
            if (length == 1) {
                if (box.remaining() < 16) break;
                length = box.getLong(8);
                header = 16;
            } else if (length == 0) {
                length = size - position;
            }
            if (length < header || position + length > size) {
                throw new RasterFormatException("JP2 box at byte " + position + " has an impossible length " + length);
            }
            if (type == CODESTREAM_TYPE) {
                return new Codestream(position + header, length - header);
            }
            position += length;
        }
        throw new RasterFormatException("JP2 file has no codestream (jp2c) box");
    }

    private static ByteBuffer read(FileChannel file, long position, int count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(count);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) break;
        }
        return buffer.flip();
    }
}
