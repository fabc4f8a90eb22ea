// The trigger-rule area at start-up: its permissions, the outbox subscriber, the confirm gate sales
// asks, and the built-in rules of every new company.
import './permissions.ts';
import { onCompanyCreated } from '../../../platform/org/create-company.ts';
import { subscribe } from '../../../platform/outbox/subscribers.ts';
import { registerConfirmGate } from '../../sales/index.ts';
import { ruleConfirmGate } from './approval-gate.ts';
import { ensureBuiltInRules } from './builtin-rules.ts';
import { ruleSubscriber } from './run-rules.ts';

subscribe(ruleSubscriber);
registerConfirmGate(ruleConfirmGate);
onCompanyCreated((tx, companyId) => ensureBuiltInRules(tx, companyId));

export { ruleRoutes } from './routes.ts';
