import { request } from '../app/api';

export interface SubscriptionItem {
  id: number;
  unit: { id: number; name: string };
  username: string | null;
  email: string;
  mode: 'immediate' | 'digest';
  quietFrom: number | null;
  quietTo: number | null;
}

export interface WebhookItem {
  id: number;
  url: string;
  events: string[];
  enabled: boolean;
  disabledReason: string | null;
  consecutiveFailures: number;
}

export interface DeliveryItem {
  id: number;
  message_id: string;
  event: string;
  status: string;
  attempts: number;
  last_attempt_at: string | null;
  last_status: number | null;
  last_body: string | null;
  last_error: string | null;
}

export const fetchSubscriptions = () => request<{ subscriptions: SubscriptionItem[] }>('GET', '/api/alert-subscriptions');
export const createSubscription = (s: { unitId: number; email: string; mode: string; quietFrom: number | null; quietTo: number | null }) =>
  request<{ id: number }>('POST', '/api/alert-subscriptions', s);
export const deleteSubscription = (id: number) => request<{ id: number }>('DELETE', `/api/alert-subscriptions/${id}`);
export const fetchWebhooks = () => request<{ webhooks: WebhookItem[] }>('GET', '/api/webhooks');
// The secret comes back once, in the creating answer.
export const createWebhook = (w: { url: string; events: string[] }) => request<{ id: number; secret: string }>('POST', '/api/webhooks', w);
export const setWebhookEnabled = (id: number, enabled: boolean) => request<WebhookItem>('PATCH', `/api/webhooks/${id}`, { enabled });
export const deleteWebhook = (id: number) => request<{ id: number }>('DELETE', `/api/webhooks/${id}`);
export const fetchDeliveries = (id: number) => request<{ deliveries: DeliveryItem[] }>('GET', `/api/webhooks/${id}/deliveries`);
export const redeliver = (id: number, deliveryId: number) =>
  request<{ id: number }>('POST', `/api/webhooks/${id}/deliveries/${deliveryId}/redeliver`);
