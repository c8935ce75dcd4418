// FR-MONEY-001: money in integer minor units with its currency: exact parsing, formatting,
// arithmetic that refuses mixed currencies, and conversion with explicit rounding.

import { describe, expect, it } from 'vitest';
import {
  add,
  compare,
  convert,
  decimalText,
  formatMoney,
  MoneyFormatError,
  money,
  parseMoney,
  subtract,
} from './money.js';

describe('parseMoney', () => {
  it('reads major units into minor units exactly', () => {
    expect(parseMoney('50', 'USDC')).toEqual(money(50_000_000n, 'USDC'));
    expect(parseMoney('52.50', 'USD')).toEqual(money(5_250n, 'USD'));
    expect(parseMoney(20.01, 'USD')).toEqual(money(2_001n, 'USD'));
    expect(parseMoney('0.000001', 'USDC')).toEqual(money(1n, 'USDC'));
    expect(parseMoney('1', 'ETH')).toEqual(money(10n ** 18n, 'ETH'));
    expect(parseMoney('0.1', 'USDC').units + parseMoney('0.2', 'USDC').units).toBe(300_000n);
    expect(parseMoney(' -3.5 ', 'USD')).toEqual(money(-350n, 'USD'));
  });

  it.each([
    ['1.0000001', 'USDC', '1.0000001 has 7 decimals; USDC has at most 6'],
    ['20.001', 'USD', '20.001 has 3 decimals; USD has at most 2'],
    ['12,50', 'USD', "'12,50' is not a decimal amount such as 12.50"],
    ['', 'USD', "'' is not a decimal amount such as 12.50"],
    ['1e3', 'USD', "'1e3' is not a decimal amount such as 12.50"],
    [1e-7, 'USDC', "'1e-7' is not a decimal amount such as 12.50"],
    [Number.NaN, 'USD', "'NaN' is not a decimal amount such as 12.50"],
    ['5', 'DOGE', "unknown currency 'DOGE'; use one of USD, USDC, ETH"],
  ])('refuses %j %s: %s', (amount, currency, problem) => {
    expect(() => parseMoney(amount, currency)).toThrow(new MoneyFormatError(problem));
  });
});

describe('formatting', () => {
  it('prints exact decimals, trimmed to at least two', () => {
    expect(formatMoney(money(5_250n, 'USD'))).toBe('52.50 USD');
    expect(formatMoney(money(50_000_000n, 'USDC'))).toBe('50.00 USDC');
    expect(formatMoney(money(1n, 'USDC'))).toBe('0.000001 USDC');
    expect(formatMoney(money(1n, 'ETH'))).toBe('0.000000000000000001 ETH');
    expect(formatMoney(money(-5n, 'USD'))).toBe('-0.05 USD');
    expect(decimalText(money(123_456_789n, 'USDC'))).toBe('123.456789');
  });

  it('round-trips through parseMoney', () => {
    for (const text of ['0.01', '19.99', '20.00', '1234567.89']) {
      expect(decimalText(parseMoney(text, 'USD'))).toBe(text);
    }
  });
});

describe('arithmetic', () => {
  it('adds, subtracts and compares within one currency', () => {
    const cap = parseMoney('50', 'USD');
    const spent = add(parseMoney('45', 'USD'), parseMoney('5', 'USD'));
    expect(compare(spent, cap)).toBe(0);
    expect(compare(add(spent, parseMoney('0.01', 'USD')), cap)).toBe(1);
    expect(subtract(cap, parseMoney('52.50', 'USD'))).toEqual(money(-250n, 'USD'));
  });

  it('refuses to mix currencies', () => {
    expect(() => add(parseMoney('1', 'USD'), parseMoney('1', 'USDC'))).toThrow(
      'cannot combine USD with USDC; convert first',
    );
  });
});

describe('convert', () => {
  it('converts between decimals at a price', () => {
    expect(convert(parseMoney('52.5', 'USD'), 'USDC', '1', 'up')).toEqual(
      money(52_500_000n, 'USDC'),
    );
    expect(convert(parseMoney('0.01', 'ETH'), 'USD', '3012.45', 'half-even')).toEqual(
      money(3_012n, 'USD'),
    );
  });

  it('rounds as asked when the result falls between minor units', () => {
    const microDollar = money(1n, 'USDC'); // 0.000001 USD is a ten-thousandth of a cent
    expect(convert(microDollar, 'USD', '1', 'up').units).toBe(1n);
    expect(convert(microDollar, 'USD', '1', 'down').units).toBe(0n);
    expect(convert(money(5_000n, 'USDC'), 'USD', '1', 'half-even').units).toBe(0n); // 0.5 cent
    expect(convert(money(15_000n, 'USDC'), 'USD', '1', 'half-even').units).toBe(2n); // 1.5 cents
    expect(convert(money(-1n, 'USDC'), 'USD', '1', 'up').units).toBe(0n);
  });

  it('refuses a price that is not a positive decimal', () => {
    expect(() => convert(money(1n, 'USD'), 'USDC', '-1', 'up')).toThrow(MoneyFormatError);
  });
});
