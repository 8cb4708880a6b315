package org.c2cgateway.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PseudonymiserTest {

    private final Pseudonymiser pseudonymiser = new Pseudonymiser(Sharings.KEY);

    @Test
    void pseudonym_is_PSN_and_16_base32_characters() {
        String pseudonym = pseudonymiser.pseudonym("MK", "Tehnomarket Izvoz d.o.o.");

        assertTrue(pseudonym.matches("PSN-[A-Z2-7]{16}"), pseudonym);
    }

    @Test
    void same_value_gives_the_same_pseudonym_to_the_same_partner_and_another_to_another_partner() {
        String forMk = pseudonymiser.pseudonym("MK", "Tehnomarket Izvoz d.o.o.");

        assertEquals(forMk, new Pseudonymiser(Sharings.KEY.clone()).pseudonym("MK", "Tehnomarket Izvoz d.o.o."));
        assertNotEquals(forMk, pseudonymiser.pseudonym("BG", "Tehnomarket Izvoz d.o.o."));
        assertNotEquals(forMk, pseudonymiser.pseudonym("MK", "Tehnomarket Izvoz d.o.o"));
    }

    @Test
    void partner_and_value_are_kept_apart_so_shifting_characters_between_them_changes_the_pseudonym() {
        assertNotEquals(pseudonymiser.pseudonym("MK", "X Trade"), pseudonymiser.pseudonym("M", "KX Trade"));
    }

    @Test
    void another_key_gives_other_pseudonyms() {
        byte[] otherKey = "another-pseudonymisation-key-32b".getBytes(StandardCharsets.US_ASCII);

        assertNotEquals(pseudonymiser.pseudonym("MK", "Vardar Trade DOOEL"),
                new Pseudonymiser(otherKey).pseudonym("MK", "Vardar Trade DOOEL"));
    }

    @Test
    void refuses_a_key_shorter_than_32_bytes_saying_how_long_it_must_be() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Pseudonymiser(new byte[31]));

        assertTrue(e.getMessage().contains("31 bytes") && e.getMessage().contains("at least 32"), e.getMessage());
    }

    @Test
    void base32_is_rfc_4648_without_padding() {
        // RFC 4648 section 10 test vectors, padding dropped
        List<String> inputs = List.of("f", "fo", "foo", "foob", "fooba", "foobar");
        List<String> expected = List.of("MY", "MZXQ", "MZXW6", "MZXW6YQ", "MZXW6YTB", "MZXW6YTBOI");
        for (int i = 0; i < inputs.size(); i++) {
            byte[] bytes = inputs.get(i).getBytes(StandardCharsets.US_ASCII);
            assertEquals(expected.get(i), Pseudonymiser.base32(bytes, 100), inputs.get(i));
        }
        assertEquals("MZXW", Pseudonymiser.base32("foobar".getBytes(StandardCharsets.US_ASCII), 4));
    }

    @Test
    void one_instance_serves_many_threads_with_the_same_results() {
        List<String> sequential = IntStream.range(0, 2000).mapToObj(i -> pseudonymiser.pseudonym("MK", "trader " + i))
                .toList();

        List<String> parallel = IntStream.range(0, 2000).parallel()
                .mapToObj(i -> pseudonymiser.pseudonym("MK", "trader " + i)).toList();

        assertEquals(sequential, parallel);
    }
}
