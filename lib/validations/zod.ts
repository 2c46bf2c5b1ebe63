import { z } from 'zod';

// The admin's CSP forbids eval. Zod 4 probes `new Function` when an object schema is built (to
// compile a faster parser); the probe is caught, but the browser still reports a CSP violation.
// Every schema module imports z from here, so the setting is in place before the first schema.
z.config({ jitless: true });

export { z };
