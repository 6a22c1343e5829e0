package dev.anyfn.processor;

import java.util.Locale;
import java.util.regex.Pattern;

/** Function names: {@code [a-z][a-z0-9-]{0,62}}, derived from the class name when not given. */
final class FunctionNames {
  private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9-]{0,62}");
  static final String RULE =
      "expected a lowercase letter followed by up to 62 lowercase letters, digits or hyphens";

  private FunctionNames() {}

  static boolean isValid(String name) {
    return VALID.matcher(name).matches();
  }

  /** {@code OrderApi} becomes {@code order-api}, {@code HTTPServer} becomes {@code http-server}. */
  static String derive(String simpleClassName) {
    StringBuilder name = new StringBuilder();
    int length = simpleClassName.length();
    for (int i = 0; i < length; i++) {
      char c = simpleClassName.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean afterWord = i > 0 && !Character.isUpperCase(simpleClassName.charAt(i - 1));
        boolean endsAcronym =
            i > 0
                && Character.isUpperCase(simpleClassName.charAt(i - 1))
                && i + 1 < length
                && Character.isLowerCase(simpleClassName.charAt(i + 1));
        if ((afterWord || endsAcronym)
            && name.length() > 0
            && name.charAt(name.length() - 1) != '-') {
          name.append('-');
        }
        name.append(Character.toLowerCase(c));
      } else if (c == '_' || c == '$') {
        name.append('-');
      } else {
        name.append(c);
      }
    }
    return name.toString();
  }

  /** A valid name close to an invalid one, for the fix in error messages. */
  static String suggest(String invalid) {
    String lower = derive(invalid).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
    String trimmed = lower.replaceAll("^[^a-z]+", "").replaceAll("-+$", "");
    if (trimmed.length() > 63) {
      trimmed = trimmed.substring(0, 63).replaceAll("-+$", "");
    }
    return trimmed.isEmpty() ? "my-function" : trimmed;
  }
}
