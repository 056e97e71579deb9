package eu.candela.eodata.internal.tiff;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * 16/32/64-bit words in byte arrays, in either byte order. Constant VarHandles compile to plain loads
 * and stores, which is what keeps the per-sample loops of the codecs fast.
 */
final class Words {
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Words() {
    }

    static short getShort(byte[] b, int offset, boolean bigEndian) {
        return bigEndian ? (short) SHORT_BE.get(b, offset) : (short) SHORT_LE.get(b, offset);
    }

    static void setShort(byte[] b, int offset, short v, boolean bigEndian) {
        if (bigEndian) {
            SHORT_BE.set(b, offset, v);
        } else {
            SHORT_LE.set(b, offset, v);
        }
    }

    static int getInt(byte[] b, int offset, boolean bigEndian) {
        return bigEndian ? (int) INT_BE.get(b, offset) : (int) INT_LE.get(b, offset);
    }

    static void setInt(byte[] b, int offset, int v, boolean bigEndian) {
        if (bigEndian) {
            INT_BE.set(b, offset, v);
        } else {
            INT_LE.set(b, offset, v);
        }
    }

    static long getLong(byte[] b, int offset, boolean bigEndian) {
        return bigEndian ? (long) LONG_BE.get(b, offset) : (long) LONG_LE.get(b, offset);
    }

    static void setLong(byte[] b, int offset, long v, boolean bigEndian) {
        if (bigEndian) {
            LONG_BE.set(b, offset, v);
        } else {
            LONG_LE.set(b, offset, v);
        }
    }
}
