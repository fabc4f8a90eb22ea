import { definePermissions } from '../../platform/permissions/registry.ts';

definePermissions([
  { key: 'catalog.product.read', description: 'See products, their units and packaging' },
  { key: 'catalog.product.create', description: 'Create products (also by import)' },
  { key: 'catalog.product.update', description: 'Edit products, their packaging and prices' },
  { key: 'catalog.category.manage', description: 'Create and edit product categories' },
  { key: 'catalog.price_list.read', description: 'See price lists and ask which price applies' },
  { key: 'catalog.price_list.manage', description: 'Create and edit price lists and their rules' },
]);
