package io.kubelab.tenancy;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokensTest {

    @Test
    void idsAreDnsLabelsAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = Tokens.newSandboxId();
            assertTrue(Tokens.isSandboxId(id), id);
            assertTrue(id.matches("[a-z][a-z0-9]{9}"), id);
            assertTrue(seen.add(id), "repeated " + id);
        }
    }

    @Test
    void rejectsAnythingElseAsAnId() {
        for (String bad : new String[]{null, "", "ABCDEFGHIJ", "1bcdefghij", "abc", "abcdefghijk", "abc.efghij", "../etc/pas"}) {
            assertFalse(Tokens.isSandboxId(bad), String.valueOf(bad));
        }
    }

    @Test
    void tokensCarry256BitsAndOnlyTheirHashMatches() {
        String token = Tokens.newToken();
        assertEquals(43, token.length());
        String hash = Tokens.hash(token);
        assertTrue(Tokens.matches(token, hash));
        assertFalse(Tokens.matches(token + "x", hash));
        assertFalse(Tokens.matches(Tokens.newToken(), hash));
        assertFalse(Tokens.matches(token, "not-hex"));
    }
}
