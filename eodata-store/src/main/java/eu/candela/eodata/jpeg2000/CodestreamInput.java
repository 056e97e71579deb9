package eu.candela.eodata.jpeg2000;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * The codestream bytes of a file as an ImageIO stream starting at 0, read on demand through a
 * positional file channel, so JJ2000 sees a raw codestream and seeks freely within it.
 */
final class CodestreamInput extends ImageInputStreamImpl {
    private final FileChannel file;
    private final Codestream codestream;
    private final ByteBuffer one = ByteBuffer.allocate(1);

    CodestreamInput(FileChannel file, Codestream codestream) {
        this.file = file;
        this.codestream = codestream;
    }

    @Override
    public int read() throws IOException {
        if (streamPos >= codestream.length()) return -1;
        one.clear();
        if (file.read(one, codestream.offset() + streamPos) <= 0) return -1;
        bitOffset = 0;
        streamPos++;
        return one.get(0) & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        long left = codestream.length() - streamPos;
        if (left <= 0) return -1;
        int n = file.read(ByteBuffer.wrap(b, off, (int) Math.min(len, left)), codestream.offset() + streamPos);
        if (n > 0) {
            bitOffset = 0;
            streamPos += n;
        }
        return n;
    }

    @Override
    public long length() {
        return codestream.length();
    }

    @Override
    public boolean isCached() {
        return false;
    }
}
