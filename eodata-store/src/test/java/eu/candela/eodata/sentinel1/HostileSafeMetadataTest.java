package eu.candela.eodata.sentinel1;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifests that try entity tricks, escape the product folder or are simply wrong fail with the reason named. */
class HostileSafeMetadataTest {
    @TempDir
    Path dir;

    private Path product(String manifest) throws IOException {
        Path safe = Files.createDirectories(dir.resolve("S1A_IW_GRDH_1SDV_TEST.SAFE"));
        Files.writeString(safe.resolve("manifest.safe"), manifest);
        return safe;
    }

    private static String manifest(String productType, String href) {
        return "<?xml version=\"1.0\"?><xfdu:XFDU xmlns:xfdu=\"urn:ccsds:schema:xfdu:1\" xmlns:safe=\"http://www.esa.int/safe/sentinel-1.0\">"
                + "<safe:familyName>SENTINEL-1</safe:familyName><safe:number>A</safe:number><mode>IW</mode><productType>" + productType
                + "</productType><transmitterReceiverPolarisation>VV</transmitterReceiverPolarisation>"
                + "<safe:startTime>2021-08-09T17:39:53.153776</safe:startTime><safe:stopTime>2021-08-09T17:40:18.152800</safe:stopTime>"
                + "<dataObject ID=\"x\" repID=\"s1Level1ProductSchema\"><byteStream><fileLocation href=\"" + href + "\"/></byteStream></dataObject>"
                + "</xfdu:XFDU>";
    }

    @Test
    void refusesADoctypeSoNoEntityIsEverResolved() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "secret");
        Path safe = product("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>"
                + "<xfdu:XFDU xmlns:xfdu=\"urn:ccsds:schema:xfdu:1\"><familyName>&e;</familyName></xfdu:XFDU>");
        SafeFormatException e = assertThrows(SafeFormatException.class, () -> Sentinel1Product.open(safe));
        assertTrue(e.getMessage().contains("not well-formed XML") && e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void refusesADataObjectOutsideTheProduct() throws IOException {
        Path safe = product(manifest("GRD", "./../../etc/s1a-iw-grd-vv-x.xml"));
        SafeFormatException e = assertThrows(SafeFormatException.class, () -> Sentinel1Product.open(safe));
        assertTrue(e.getMessage().contains("points outside the product"), e.getMessage());
    }

    @Test
    void refusesAnSlcProduct() throws IOException {
        Path safe = product(manifest("SLC", "./annotation/s1a-iw-slc-vv-x.xml"));
        SafeFormatException e = assertThrows(SafeFormatException.class, () -> Sentinel1Product.open(safe));
        assertTrue(e.getMessage().contains("not a GRD product (productType SLC)"), e.getMessage());
    }

    @Test
    void reportsAMissingAnnotationFile() throws IOException {
        Path safe = product(manifest("GRD", "./annotation/s1a-iw-grd-vv-x.xml"));
        Sentinel1Product p = Sentinel1Product.open(safe);
        SafeFormatException e = assertThrows(SafeFormatException.class, () -> p.band("VV"));
        assertTrue(e.getMessage().contains("no annotation, calibration or noise file"), e.getMessage());
    }
}
