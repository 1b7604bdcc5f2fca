package io.iotgate.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {

    private static final Optional<String> TOO_SHORT = Optional.of("password must be at least 14 characters long");
    private static final Optional<String> TOO_FEW_CLASSES = Optional.of("password must contain characters of at least"
            + " 3 of these 4 classes: lowercase letters, uppercase letters, digits, other characters");

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            13 chars, all 4 classes    | aB3!aB3!aB3!a
            empty                      | ''
            """)
    void rejectsShortPasswords(String why, String password) {
        assertEquals(TOO_SHORT, PasswordPolicy.problemWith(password));
    }

    @Test
    void rejectsNullAsTooShort() {
        assertEquals(TOO_SHORT, PasswordPolicy.problemWith(null));
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            lower only         | abcdefghijklmn
            upper only         | ABCDEFGHIJKLMN
            digits only        | 01234567890123
            other only         | !@#$%^&*()-_=+
            lower + upper      | abcdefgABCDEFG
            lower + digit      | abcdefg1234567
            lower + other      | abcdefg!@#$%^&
            upper + digit      | ABCDEFG1234567
            upper + other      | ABCDEFG!@#$%^&
            digit + other      | 1234567!@#$%^&
            """)
    void rejectsFewerThanThreeClasses(String why, String password) {
        assertEquals(TOO_FEW_CLASSES, PasswordPolicy.problemWith(password));
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            14 chars, lower + upper + digit   | abcdeABCDE1234
            14 chars, lower + upper + other   | abcdeABCDE!@#$
            14 chars, lower + digit + other   | abcde12345!@#$
            14 chars, upper + digit + other   | ABCDE12345!@#$
            14 chars, all 4 classes           | aB3!aB3!aB3!aB
            space counts as other             | abcde ABCDE fg
            long                              | correct horse battery staple 42
            """)
    void acceptsThreeOrFourClassesFromFourteenCharacters(String why, String password) {
        assertEquals(Optional.empty(), PasswordPolicy.problemWith(password));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // 13 emoji are 26 UTF-16 units but 13 characters to the person typing them.
        assertEquals(TOO_SHORT, PasswordPolicy.problemWith("aB1" + "\uD83D\uDE00".repeat(10)));
        assertEquals(Optional.empty(), PasswordPolicy.problemWith("aB1" + "\uD83D\uDE00".repeat(11)));
    }

    @Test
    void generatedPasswordsHaveAllFourClassesAndPassThePolicy() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 1_000; i++) {
            String password = PasswordPolicy.generate(random);
            assertEquals(24, password.length(), password);
            assertEquals(Optional.empty(), PasswordPolicy.problemWith(password), password);
            assertTrue(password.chars().anyMatch(Character::isLowerCase), password);
            assertTrue(password.chars().anyMatch(Character::isUpperCase), password);
            assertTrue(password.chars().anyMatch(Character::isDigit), password);
            assertTrue(password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)), password);
        }
    }

    @Test
    void generatedPasswordsDoNotRepeat() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            assertTrue(seen.add(PasswordPolicy.generate(random)), "repeated password");
        }
    }

    @Test
    void generatedPasswordsAreShuffledSoTheGuaranteedLowercaseIsNotAlwaysFirst() {
        SecureRandom random = new SecureRandom();
        boolean someStartOtherwise = false;
        for (int i = 0; i < 200 && !someStartOtherwise; i++) {
            someStartOtherwise = !Character.isLowerCase(PasswordPolicy.generate(random).charAt(0));
        }
        assertTrue(someStartOtherwise);
    }
}
