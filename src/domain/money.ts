// Money as integer minor units that carry their currency: never a float. USDC has 6 decimals
// (50,000,000 units = 50 USDC), ETH 18 (wei), USD 2 (cents). Parsing is exact and refuses more
// decimals than the currency has; conversion takes a decimal price and an explicit rounding.

import { InputError } from './errors.js';

/** The currencies Chimera accounts in, with their decimals. */
export const CURRENCIES = { USD: 2, USDC: 6, ETH: 18 } as const;
export type Currency = keyof typeof CURRENCIES;

/** An amount in a currency's minor units (cents, micro-USDC, wei). */
export interface Money {
  readonly units: bigint;
  readonly currency: Currency;
}

/** Why a text is not an amount; `problem` reads after the field name ("amount: …"). */
export class MoneyFormatError extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'MoneyFormatError';
  }
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** True when `code` is a currency Chimera knows. */
export function isCurrency(code: string): code is Currency {
  return Object.hasOwn(CURRENCIES, code);
}

/** Money from minor units. */
export function money(units: bigint, currency: Currency): Money {
  return { units, currency };
}

/**
 * Parses a decimal amount in major units ("52.50", "0.000001", 20) into minor units, exactly.
 * Refuses exponents, blanks, and more decimals than the currency has (a 7th decimal of USDC).
 */
export function parseMoney(amount: string | number, currency: string): Money {
  if (!isCurrency(currency)) {
    throw new MoneyFormatError(
      `unknown currency '${currency}'; use one of ${Object.keys(CURRENCIES).join(', ')}`,
    );
  }
  const text = typeof amount === 'number' ? numberText(amount) : amount.trim();
  const match = DECIMAL.exec(text);
  if (!match) {
    throw new MoneyFormatError(`'${String(amount)}' is not a decimal amount such as 12.50`);
  }
  const [, sign, whole, fraction = ''] = match;
  const decimals = CURRENCIES[currency];
  if (fraction.length > decimals) {
    throw new MoneyFormatError(
      `${String(amount)} has ${fraction.length} decimals; ${currency} has at most ${decimals}`,
    );
  }
  const units = BigInt(`${whole}${fraction.padEnd(decimals, '0')}`);
  return money(sign === '-' ? -units : units, currency);
}

/** A JavaScript number's plain decimal text; exponent forms (1e-7) are refused by the caller. */
function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : 'not a number';
}

/** The amount in major units as exact decimal text, trailing zeros trimmed to at least two. */
export function decimalText({ units, currency }: Money): string {
  const decimals = CURRENCIES[currency];
  const digits = (units < 0n ? -units : units).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  let fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  if (fraction.length < 2) fraction = fraction.padEnd(Math.min(2, decimals), '0');
  return `${units < 0n ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** "52.50 USD", "50.00 USDC", "0.000000001 ETH". */
export function formatMoney(value: Money): string {
  return `${decimalText(value)} ${value.currency}`;
}

function sameCurrency(left: Money, right: Money): Currency {
  if (left.currency !== right.currency) {
    throw new RangeError(`cannot combine ${left.currency} with ${right.currency}; convert first`);
  }
  return left.currency;
}

export function add(left: Money, right: Money): Money {
  return money(left.units + right.units, sameCurrency(left, right));
}

export function subtract(left: Money, right: Money): Money {
  return money(left.units - right.units, sameCurrency(left, right));
}

/** -1, 0 or 1 as `left` is less than, equal to or more than `right`. */
export function compare(left: Money, right: Money): -1 | 0 | 1 {
  sameCurrency(left, right);
  return left.units < right.units ? -1 : left.units > right.units ? 1 : 0;
}

/** How a conversion rounds a result that falls between two minor units. */
export type Rounding = 'up' | 'down' | 'half-even';

/**
 * Converts at `price`, the decimal amount of `to` that one unit of `value`'s currency buys
 * ("3012.45" USD per ETH, "1" USD per USDC). Budgets round spend `up`, so conversion never
 * lets an agent spend a fraction of a cent unseen.
 */
export function convert(value: Money, to: Currency, price: string, rounding: Rounding): Money {
  const match = DECIMAL.exec(price.trim());
  if (!match || match[1] === '-')
    throw new MoneyFormatError(`price '${price}' is not a positive decimal`);
  const priceFraction = match[3] ?? '';
  const priceUnits = BigInt(`${match[2]}${priceFraction}`);
  // units_to = units_from × price × 10^(dec_to − dec_from), with price = priceUnits / 10^len.
  let numerator = value.units * priceUnits * 10n ** BigInt(CURRENCIES[to]);
  const denominator = 10n ** BigInt(priceFraction.length + CURRENCIES[value.currency]);
  if (numerator < 0n) {
    numerator = -numerator;
    return negate(money(divide(numerator, denominator, mirror(rounding)), to));
  }
  return money(divide(numerator, denominator, rounding), to);
}

function negate(value: Money): Money {
  return money(-value.units, value.currency);
}

/** Rounding a negative amount up is rounding its magnitude down, and the other way round. */
function mirror(rounding: Rounding): Rounding {
  return rounding === 'up' ? 'down' : rounding === 'down' ? 'up' : rounding;
}

function divide(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n) return quotient;
  if (rounding === 'down') return quotient;
  if (rounding === 'up') return quotient + 1n;
  const twice = remainder * 2n;
  if (twice > denominator) return quotient + 1n;
  if (twice < denominator) return quotient;
  return quotient % 2n === 0n ? quotient : quotient + 1n;
}

/**
 * Dollars held as a float (the provider price table's) as USDC, rounded up to the micro-dollar:
 * a cost is never counted as less than it was.
 */
export function usdcFromDollars(dollars: number): Money {
  if (!Number.isFinite(dollars) || dollars < 0) {
    throw new RangeError(`a cost must be a finite, non-negative number of dollars, not ${dollars}`);
  }
  // Round away float noise at a thousandth of a micro-dollar first, then up to the micro-dollar.
  return money(BigInt(Math.ceil(Math.round(dollars * 1e9) / 1e3)), 'USDC');
}

/**
 * `parseMoney` for one field of someone's input: a bad amount is an InputError naming `field`,
 * an unknown currency one naming `currency`.
 */
export function parseMoneyField(field: string, amount: string | number, currency: string): Money {
  try {
    return parseMoney(amount, currency);
  } catch (error) {
    if (error instanceof MoneyFormatError) {
      throw new InputError(`${isCurrency(currency) ? field : 'currency'}: ${error.problem}`);
    }
    throw error;
  }
}
