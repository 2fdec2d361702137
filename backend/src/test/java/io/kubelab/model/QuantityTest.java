package io.kubelab.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QuantityTest {

    /** Parsed, then serialised as Kubernetes serialises it (cases from apimachinery's quantity tests). */
    @ParameterizedTest
    @CsvSource({
            "100m,100m", "0.5,500m", ".5,500m", "0.1,100m", "1Gi,1Gi", "1e3,1e3", "128974848,128974848",
            "129M,129M", "123Mi,123Mi", "+1,+1", "1024Mi,1Gi", "1000Mi,1000Mi", "1000m,1", "1.5Gi,1536Mi",
            "1000M,1G", ".001Ki,1024m", ".000001Ki,1024u", ".000000001Ki,1024n", ".000000000001Ki,2n",
            "1.441,1.441", "1.000001,1.000001", "1.5,1500m", "0,0", "0Ki,0", "-0,0", "-1,-1", "1Ki,1Ki",
            "9223372036854775807,9223372036854775807", "9223372036854775808,9223372036854775808",
            "18446744073709551616,18446744073709551616", "1E,1E", "100E,100E", "1000E,1e21", "1e100,10e99",
            "8Ei,9223372036854775807", "-20Ei,-9223372036854775807", "-9.5Gi,-9728Mi",
            "-9.5000000001Gi,-10200547328107374183n", "0.000000000000001,1n", "3.001n,4n", "0.00000012345,124n",
            "1.1E-9,2e-9", "100.035Ki,102435840m", "1.5Ki,1536", "1E-3,1E-3", "0.5e-2,5e-3", "10.035M,10.035M",
            "1.3E+6,1300e3", "2048,2048", "0.5Mi,512Ki",
    })
    void printsAsKubernetes(String in, String out) {
        assertEquals(out, Quantity.parse(in).toString());
    }

    @ParameterizedTest
    @CsvSource({
            "1.441,1441m", "+1,1", "1E-3,1e-3", "129M,129M", "1.000001,1000001u", "10.035M,10035k",
    })
    void canonicalIgnoresTheKeptText(String in, String canonical) {
        assertEquals(canonical, Quantity.parse(in).canonical());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "|" + Quantity.FORMAT_ERROR, "1.1.M|" + Quantity.FORMAT_ERROR, "aoeu|" + Quantity.FORMAT_ERROR,
            "' 1'|" + Quantity.FORMAT_ERROR, "'1 '|" + Quantity.FORMAT_ERROR, "1+1.0M|" + Quantity.FORMAT_ERROR,
            "0.1mi|" + Quantity.SUFFIX_ERROR, "1i|" + Quantity.SUFFIX_ERROR, ".5i|" + Quantity.SUFFIX_ERROR,
            "-3.01e-|" + Quantity.SUFFIX_ERROR, "1e4294967297|" + Quantity.SUFFIX_ERROR,
    })
    void rejects(String in, String message) {
        Quantity.FormatException e = assertThrows(Quantity.FormatException.class,
                () -> Quantity.parse(in == null ? "" : in));
        assertEquals(message, e.getMessage());
    }

    @Test
    void formatErrorIsApimachinerysWords() {
        assertEquals("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
                Quantity.FORMAT_ERROR);
    }

    /** RoundUp(-3), as SetDefaults_ResourceList applies it. */
    @ParameterizedTest
    @CsvSource({"1n,1m", "1500u,2m", "100m,100m", "1.441,1.441", "0.5,500m", "1.0001,1001m", "+1,+1",
            "-1.0001,-1001m", "1Gi,1Gi", "0.0000001Ki,1m"})
    void roundsUpToMilli(String in, String out) {
        assertEquals(out, Quantity.parse(in).roundUp(-3).toString());
    }

    @ParameterizedTest
    @CsvSource({"100m,1,100", "1,1,1000", "0.0001,1,1", "1Ki,1024,1024000", "1.5,2,1500", "-1.5,-2,-1500",
            "1Gi,1073741824,1073741824000", "1n,1,1"})
    void valuesRoundAwayFromZero(String in, long value, long milli) {
        Quantity q = Quantity.parse(in);
        assertEquals(value, q.value());
        assertEquals(milli, q.milliValue());
    }

    @ParameterizedTest
    @CsvSource({"100m,1,1100m", "0,1Gi,1Gi", "1Gi,0,1Gi", "1Gi,512Mi,1536Mi", "250m,250m,500m"})
    void adds(String a, String b, String sum) {
        assertEquals(sum, Quantity.parse(a).add(Quantity.parse(b)).toString());
    }

    @ParameterizedTest
    @CsvSource({"1Gi,512Mi,512Mi", "1,250m,750m", "0,100m,-100m", "100m,0,100m"})
    void subtracts(String a, String b, String difference) {
        assertEquals(difference, Quantity.parse(a).subtract(Quantity.parse(b)).toString());
    }

    @ParameterizedTest
    @CsvSource({"0,0,0", "100m,50m,1", "50m,100m,-1", "10000T,100Gi,1", "1Gi,1024Mi,0", "1,1000m,0"})
    void compares(String a, String b, int expected) {
        assertEquals(expected, Integer.signum(Quantity.parse(a).compareTo(Quantity.parse(b))));
    }

    @ParameterizedTest
    @CsvSource({"1073741824,BINARY_SI,1Gi", "1536,BINARY_SI,1536", "500,BINARY_SI,500", "1000,DECIMAL_SI,1k",
            "1000,DECIMAL_EXPONENT,1e3", "0.08,DECIMAL_EXPONENT,80e-3", "0.5,BINARY_SI,500m",
            "1180591620717411303424,BINARY_SI,1180591620717411303424", "-1024,BINARY_SI,-1Ki", "-1023,BINARY_SI,-1023"})
    void formats(String amount, Quantity.Format format, String out) {
        assertEquals(out, Quantity.of(new BigDecimal(amount), format).toString());
    }

    @Test
    void rememberedFormat() {
        assertEquals(Quantity.Format.BINARY_SI, Quantity.parse("1Mi").format());
        assertEquals(Quantity.Format.DECIMAL_SI, Quantity.parse("0.000000000001Ki").format());
        assertEquals(Quantity.Format.DECIMAL_EXPONENT, Quantity.parse("1e3").format());
    }
}
