import { useMutation } from '@tanstack/react-query';
import { http } from '../../../api/client.ts';
import type { Address, AddressInput } from '../types.ts';
import { refreshCustomer } from './queries.ts';

const base = (customerId: string) => `/customers/${encodeURIComponent(customerId)}/addresses`;

/**
 * Add, edit (also "make default") and remove one address of a customer. Each change refreshes the
 * customer, whose read carries the addresses: a new default clears the old one of its kind on the server.
 */
export function useAddressMutations(customerId: string) {
  const refresh = () => refreshCustomer(customerId);
  const save = useMutation({
    mutationFn: ({ address, input }: { address?: Address; input: AddressInput }) =>
      address?.id
        ? http.patch<Address>(`${base(customerId)}/${encodeURIComponent(address.id)}`, {
            ...input,
            version: address.version,
          })
        : http.post<Address>(base(customerId), input),
    onSettled: refresh,
  });
  const makeDefault = useMutation({
    mutationFn: (address: Address) =>
      http.patch<Address>(`${base(customerId)}/${encodeURIComponent(address.id ?? '')}`, {
        version: address.version,
        isDefault: true,
      }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (address: Address) =>
      http.delete(`${base(customerId)}/${encodeURIComponent(address.id ?? '')}`),
    onSettled: refresh,
  });
  return { save, makeDefault, remove };
}
