package io.kubelab.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** float64 texts as kubectl 1.32 printed them (-o json, then -o yaml and custom columns, which share %g). */
class GoFloatsTest {

    @ParameterizedTest
    @CsvSource({
            "1.5, 1.5, 1.5",
            "1.0, 1, 1",
            "1e6, 1000000, 1e+06",
            "1234567.5, 1234567.5, 1.2345675e+06",
            "1e20, 100000000000000000000, 1e+20",
            "1e21, 1e+21, 1e+21",
            "1.5e21, 1.5e+21, 1.5e+21",
            "1e-5, 0.00001, 1e-05",
            "1e-7, 1e-7, 1e-07",
            "0.0001, 0.0001, 0.0001",
            "-0.0, -0, -0",
            "1e300, 1e+300, 1e+300",
            "12345678.0, 12345678, 1.2345678e+07",
            "2.5e-10, 2.5e-10, 2.5e-10",
            "3.141592653589793, 3.141592653589793, 3.141592653589793",
    })
    void formatsAsGo(double value, String json, String g) {
        assertEquals(json, GoFloats.json(value));
        assertEquals(g, GoFloats.shortestG(value));
    }
}
