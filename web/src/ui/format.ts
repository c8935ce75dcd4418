// Display formats: US dollars from decimal text, money in minor units, and moments in time.

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "$1.25" from the API's decimal text; small amounts keep two significant digits. */
export function formatUsd(text: string): string {
  const value = Number(text);
  if (!Number.isFinite(value)) return text;
  if (value !== 0 && Math.abs(value) < 0.01) return `$${value.toPrecision(2)}`;
  return usd.format(value);
}

const DECIMALS: Record<string, number> = { USDC: 6, USD: 2, ETH: 18 };

/** "12.5 USDC" from minor units of `currency` (USDC 6 decimals, USD 2, ETH 18). */
export function formatMinorUnits(units: string, currency: string): string {
  const decimals = DECIMALS[currency.toUpperCase()];
  if (decimals === undefined || !/^-?\d+$/.test(units)) return `${units} ${currency}`;
  const negative = units.startsWith('-');
  const digits = (negative ? units.slice(1) : units).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''} ${currency}`;
}

/** "5 minutes ago" for an ISO time, against `now`. */
export function timeAgo(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(seconds, 'second');
}
