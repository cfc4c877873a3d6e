package dev.lifeguard.accounts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts are kept in mills (1/1000 USD) and shown in dollars. */
public final class Money {
  private static final long MILLS_PER_DOLLAR = 1_000;

  private Money() {}

  /**
   * {@code $0.003}, {@code $0}, {@code $0.25}: below a dollar every mill is shown; from a dollar up,
   * cents ({@code $12.35}), as the live API's balance header does.
   */
  public static String dollars(long mills) {
    BigDecimal amount = BigDecimal.valueOf(mills, 3);
    String text = Math.abs(mills) >= MILLS_PER_DOLLAR
        ? amount.setScale(2, RoundingMode.HALF_UP).toPlainString()
        : amount.stripTrailingZeros().toPlainString();
    return (mills < 0 ? "-$" + text.substring(1) : "$" + text);
  }
}
