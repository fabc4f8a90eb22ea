/** Two linked rings: the customer side and the operations side working in tandem. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#1668dc" />
      <circle cx="12" cy="16" r="6" fill="none" stroke="#fff" strokeWidth="3" />
      <circle cx="20" cy="16" r="6" fill="none" stroke="#fff" strokeWidth="3" />
    </svg>
  );
}
