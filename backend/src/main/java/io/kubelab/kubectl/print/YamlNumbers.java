package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.GoFloats;

import java.math.BigInteger;

/**
 * A number as {@code kubectl -o yaml} writes it. sigs.k8s.io/yaml marshals the object to JSON (integers as
 * int64, other numbers as float64 in encoding/json's form), reads that JSON back with go-yaml, which types every
 * number again (an integer if it parses as one, else a float), and go-yaml writes floats with
 * {@code FormatFloat('g')}: so 1.0 prints {@code 1}, 1e6 {@code 1000000}, 1234567.5 {@code 1.2345675e+06},
 * 1e20 {@code 1e+20} and 0.00001 {@code 1e-05}.
 */
final class YamlNumbers {

    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private YamlNumbers() {
    }

    static String text(JsonNode number) {
        if (number.isIntegralNumber() && number.canConvertToLong()) {
            return Long.toString(number.longValue()); // an int64 in JSON reads back as the same integer
        }
        String json = JsonNumbers.text(number);
        boolean integerSyntax = json.indexOf('.') < 0 && json.indexOf('e') < 0;
        if (integerSyntax) {
            BigInteger value = new BigInteger(json);
            if (value.compareTo(INT64_MIN) >= 0 && value.compareTo(UINT64_MAX) <= 0) {
                return value.toString();
            }
        }
        return GoFloats.shortestG(Double.parseDouble(json));
    }
}
