package dev.anyfn.core;

/**
 * The media types that AWS's HTTP front doors (API Gateway, ALB, function URLs) carry as text in a
 * Lambda proxy response; every other body is carried base64-encoded, a third larger. Shared by the
 * AWS adapter, which writes those responses, and the emulator, which counts a response's size as
 * Lambda would under its AWS profile.
 */
public final class TextMediaTypes {
  private TextMediaTypes() {}

  /** Whether a media type is text: its essence, without parameters, compared case-insensitively. */
  public static boolean isText(String contentType) {
    int end = contentType.indexOf(';');
    if (end < 0) {
      end = contentType.length();
    }
    int start = 0;
    while (start < end && Character.isWhitespace(contentType.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(contentType.charAt(end - 1))) {
      end--;
    }
    return startsWith(contentType, start, end, "text/")
        || is(contentType, start, end, "application/json")
        || endsWith(contentType, start, end, "+json")
        || is(contentType, start, end, "application/xml")
        || endsWith(contentType, start, end, "+xml")
        || is(contentType, start, end, "application/javascript")
        || is(contentType, start, end, "application/x-www-form-urlencoded");
  }

  private static boolean is(String s, int start, int end, String expected) {
    return end - start == expected.length() && startsWith(s, start, end, expected);
  }

  private static boolean startsWith(String s, int start, int end, String prefix) {
    return end - start >= prefix.length()
        && s.regionMatches(true, start, prefix, 0, prefix.length());
  }

  private static boolean endsWith(String s, int start, int end, String suffix) {
    return end - start >= suffix.length()
        && s.regionMatches(true, end - suffix.length(), suffix, 0, suffix.length());
  }
}
