package eu.candela.wps.sar;

import eu.candela.eodata.raster.BlockGrid;
import eu.candela.wps.spi.ProcessContext;
import java.io.IOException;

/**
 * One pass over the pair, block by block: each block is read with the halo the index and the
 * model need, its change index computed over the whole read extent, and handed on. Cancellation
 * is checked and progress reported per block.
 *
 * <p>Reading each block with its halo decodes the input tiles on its border again for the
 * neighbouring block; with blocks of 4 x 4 tiles that is about 2.3 decodes per tile, traded for
 * memory that depends on the block size only, not on the image's width or height.
 */
final class BlockPass {

    /** Receives each block and its index. */
    interface BlockConsumer {
        void accept(HaloBlock block, float[] index) throws IOException;
    }

    private BlockPass() {
    }

    static void run(SarImagePair pair, ChangeIndex index, int window, int modelHalo, int blockSize, ProcessContext ctx,
                    int fromPercent, int toPercent, String step, BlockConsumer consumer) throws IOException {
        int halo = index.halo(window) + modelHalo;
        var blocks = BlockGrid.of(pair.width(), pair.height(), blockSize);
        int done = 0;
        for (BlockGrid.Window core : blocks) {
            ctx.checkCancelled();
            HaloBlock block = pair.read(core, halo);
            consumer.accept(block, index.compute(block, window));
            done++;
            ctx.progress(fromPercent + (toPercent - fromPercent) * done / blocks.size(),
                    step + ": block " + done + " of " + blocks.size());
        }
    }
}
