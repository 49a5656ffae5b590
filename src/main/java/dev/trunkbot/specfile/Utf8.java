package dev.trunkbot.specfile;

import dev.trunkbot.trunk.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Spec files are UTF-8 (a leading byte order mark is allowed). A file in another encoding is
 * refused saying which one it looks like, instead of being read as garbled names.
 */
final class Utf8 {
  private Utf8() {}

  static String decode(String field, Path file, byte[] bytes) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return decode(field, file, java.util.Arrays.copyOfRange(bytes, 3, bytes.length));
    }
    if (startsWith(bytes, 0xFE, 0xFF)
        || startsWith(bytes, 0xFF, 0xFE)
        || (bytes.length >= 2 && (bytes[0] == 0 || bytes[1] == 0))) {
      throw new InvalidInputException(
          field, "'" + file + "' is UTF-16 text, not UTF-8: save it as UTF-8 and try again");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (MalformedInputException e) {
      int at = firstBad(bytes);
      throw new InvalidInputException(
          field,
          "'"
              + file
              + "' is not UTF-8 text (byte "
              + String.format(Locale.ROOT, "0x%02X", bytes[at] & 0xFF)
              + " at offset "
              + at
              + " is not UTF-8; the file looks like Latin-1 or Windows-1252): save it as UTF-8"
              + " and try again");
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(
          field, "'" + file + "' is not UTF-8 text: save it as UTF-8 and try again");
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The offset of the first byte that does not start or continue a UTF-8 sequence. */
  private static int firstBad(byte[] bytes) {
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      int length =
          b < 0x80
              ? 1
              : b >= 0xC2 && b < 0xE0
                  ? 2
                  : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0;
      if (length == 0 || i + length > bytes.length) {
        return i;
      }
      for (int k = 1; k < length; k++) {
        if ((bytes[i + k] & 0xC0) != 0x80) {
          return i;
        }
      }
      i += length;
    }
    return 0;
  }
}
