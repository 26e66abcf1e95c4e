/**
 * The sandbox account's starting data: enough of every kind of record for the app's
 * dropdowns, actions and triggers to meet real-looking data.
 */
export const SANDBOX_API_KEY = 'test_sandbox_key_0000000000000000';

export interface SeedChannel {
  uuid: string;
  title: string;
  type: 'whatsapp' | 'instagram' | 'facebook' | 'telegram';
  main: boolean;
  discardedAt: string | null;
}

export interface SeedTemplate {
  uuid: string;
  title: string;
  templateType: 'text' | 'image' | 'video' | 'document';
  category: string;
  status: 'approved' | 'rejected' | 'pending';
  text: string;
  createdAt: string;
}

export interface SeedCustomField {
  name: string;
  type: 'text' | 'email' | 'number' | 'date' | 'dropdown' | 'checkbox';
  options?: string[];
}

export interface SeedUser {
  email: string;
  name: string;
  available: boolean;
  lastUpdatedAt: string;
}

export interface SeedTeam {
  uuid: string;
  name: string;
  default: boolean;
  createdAt: string;
  memberEmails: string[];
}

export interface SeedFunnel {
  uuid: string;
  name: string;
  emoji: string;
  position: number;
  createdAt: string;
}

export interface SeedContact {
  uuid: string;
  name: string;
  phoneNumber: string;
  source: 'whatsapp' | 'instagram' | 'facebook' | 'telegram';
  tags: string[];
  customFields: Record<string, string | string[]>;
  createdAt: string;
  /** Hours ago the contact last wrote (the WhatsApp 24-hour window); null if never. */
  lastWroteHoursAgo: number | null;
}

export interface Seed {
  account: { user_email: string; user_name: string };
  channels: SeedChannel[];
  templates: SeedTemplate[];
  tags: string[];
  customFields: SeedCustomField[];
  users: SeedUser[];
  teams: SeedTeam[];
  funnels: SeedFunnel[];
  contacts: SeedContact[];
}

export const seed: Seed = {
  account: { user_email: 'owner@example-shop.com', user_name: 'Sandbox Owner' },
  channels: [
    {
      uuid: '35f6f8ccb5504278a2ea099f3a4e0730',
      title: 'Example Shop WhatsApp',
      type: 'whatsapp',
      main: true,
      discardedAt: null,
    },
    {
      uuid: '7a1c2e9d0b3f4a5c8d6e7f8091a2b3c4',
      title: 'Example Shop Instagram',
      type: 'instagram',
      main: false,
      discardedAt: null,
    },
    {
      uuid: '0f9e8d7c6b5a49382716051423324150',
      title: 'Old support line',
      type: 'whatsapp',
      main: false,
      discardedAt: '2025-06-01T00:00:00Z',
    },
  ],
  templates: [
    {
      uuid: 'd980fb66fd5043d3bce1aa06ba044342',
      title: 'Order confirmation',
      templateType: 'text',
      category: 'UTILITY',
      status: 'approved',
      text: 'Hi {{1}}, thanks for your order {{2}}! We will let you know when it ships.',
      createdAt: '2026-01-10T09:00:00Z',
    },
    {
      uuid: 'e1a2b3c4d5e64f708192a3b4c5d6e7f8',
      title: 'Appointment reminder',
      templateType: 'text',
      category: 'UTILITY',
      status: 'approved',
      text: 'Hi {{1}}, this is a reminder of your {{2}} on {{3}}. Reply YES to confirm.',
      createdAt: '2026-01-11T09:00:00Z',
    },
    {
      uuid: 'a1f0fb66fd5043d3bce1aa06ba04aaaa',
      title: 'Order shipped',
      templateType: 'image',
      category: 'UTILITY',
      status: 'approved',
      text: 'Good news {{1}}! Your order is on its way.',
      createdAt: '2026-01-12T09:00:00Z',
    },
    {
      uuid: 'b2f0fb66fd5043d3bce1aa06ba04bbbb',
      title: 'Welcome',
      templateType: 'text',
      category: 'MARKETING',
      status: 'approved',
      text: 'Welcome to Example Shop! Ask us anything here.',
      createdAt: '2026-01-13T09:00:00Z',
    },
    {
      uuid: 'c3f0fb66fd5043d3bce1aa06ba04cccc',
      title: 'Flash sale',
      templateType: 'text',
      category: 'MARKETING',
      status: 'rejected',
      text: '50% off today only, {{1}}!',
      createdAt: '2026-01-14T09:00:00Z',
    },
    {
      uuid: 'd4f0fb66fd5043d3bce1aa06ba04dddd',
      title: 'Order shipped with tracking',
      templateType: 'image',
      category: 'UTILITY',
      status: 'approved',
      text: 'Good news {{1}}! Order {{2}} is on its way.',
      createdAt: '2026-01-15T09:00:00Z',
    },
  ],
  tags: ['Lead', 'Customer', 'VIP', 'Enterprise', 'Shopify'],
  customFields: [
    { name: 'Order Number', type: 'text' },
    { name: 'Company', type: 'text' },
    { name: 'Email', type: 'email' },
    { name: 'Order Total', type: 'number' },
    { name: 'Birthday', type: 'date' },
    { name: 'Plan', type: 'dropdown', options: ['Starter', 'Pro', 'Enterprise'] },
    { name: 'Interests', type: 'checkbox', options: ['Shoes', 'Bags', 'Hats'] },
  ],
  users: [
    {
      email: 'maria@example-shop.com',
      name: 'Maria Rossi',
      available: true,
      lastUpdatedAt: '2026-11-20T08:00:00Z',
    },
    {
      email: 'joao@example-shop.com',
      name: 'João Pereira',
      available: false,
      lastUpdatedAt: '2026-11-19T17:00:00Z',
    },
    {
      email: 'li@example-shop.com',
      name: 'Li Wei',
      available: true,
      lastUpdatedAt: '2026-11-20T09:30:00Z',
    },
  ],
  teams: [
    {
      uuid: '35402552d90c4041b6bcb9a3249c0263',
      name: 'Support',
      default: true,
      createdAt: '2024-02-16T10:12:55Z',
      memberEmails: ['maria@example-shop.com', 'li@example-shop.com'],
    },
    {
      uuid: '46513663ea1d4152c7cdba4b35ad1374',
      name: 'Sales',
      default: false,
      createdAt: '2024-02-17T10:12:55Z',
      memberEmails: ['joao@example-shop.com', 'maria@example-shop.com'],
    },
  ],
  funnels: [
    {
      uuid: '1b2c3d4e-0000-4000-8000-000000000001',
      name: 'New lead',
      emoji: '🆕',
      position: 1,
      createdAt: '2024-01-01T00:00:00Z',
    },
    {
      uuid: '1b2c3d4e-0000-4000-8000-000000000002',
      name: 'Negotiation',
      emoji: '🤝',
      position: 2,
      createdAt: '2024-01-01T00:00:00Z',
    },
    {
      uuid: '1b2c3d4e-0000-4000-8000-000000000003',
      name: 'Won',
      emoji: '🏆',
      position: 3,
      createdAt: '2024-01-01T00:00:00Z',
    },
  ],
  contacts: [
    {
      uuid: 'eb2b914a977e4ab896e7b886698b3eac',
      name: 'John Doe',
      phoneNumber: '31612345678',
      source: 'whatsapp',
      tags: ['Lead'],
      customFields: {},
      createdAt: '2026-10-12T15:57:16Z',
      lastWroteHoursAgo: 2,
    },
    {
      uuid: 'f00dfeed0123456789abcdef01234567',
      name: 'Beatriz Lima',
      phoneNumber: '5511987654321',
      source: 'whatsapp',
      tags: ['Customer'],
      customFields: { Plan: 'Pro' },
      createdAt: '2026-09-01T10:00:00Z',
      lastWroteHoursAgo: 72,
    },
    {
      uuid: 'aaaa0000bbbb1111cccc2222dddd3333',
      name: 'Liam Walker',
      phoneNumber: '14155550132',
      source: 'whatsapp',
      tags: [],
      customFields: { 'Order Number': 'A-1001', Company: 'Walker Ltd' },
      createdAt: '2026-11-01T12:00:00Z',
      lastWroteHoursAgo: null,
    },
  ],
};
