# syntax=docker/dockerfile:1
# Casebook production image: Next.js's standalone server (no source, no dev dependencies), run as an
# unprivileged user. Build: docker build -t casebook .   Run with PostgreSQL: see compose.yaml.
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# prepare-standalone adds what the server reads from its own folder at run time: public/, the build's
# static assets, db/migrations and the demo seed (see the script).
RUN npx next build && node scripts/prepare-standalone.mjs

# Command-line tools (first admin, import, backup, restore, publish:due) need the source and tsx:
# docker compose run --rm tools npm run user:create -- --email … --name … --role admin
FROM build AS tools
RUN mkdir -p /data && chown node:node /data
ENV NODE_ENV=production CASEBOOK_DATA_DIR=/data
USER node

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    CASEBOOK_DATA_DIR=/data
# The application files stay owned by root: the server can read but not change them. Only /data (the
# embedded database when DATABASE_URL is not set) is writable.
RUN mkdir -p /data && chown node:node /data
COPY --from=build /app/.next/standalone ./
USER node
VOLUME ["/data"]
EXPOSE 3000
# 200 only when the database answers and is fully migrated (lib/ops/health.ts).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# On SIGTERM the server stops accepting, finishes requests in flight, stops the publish ticker and
# closes the database, then exits 0 (lib/ops/shutdown.ts); give it the default 10 s before SIGKILL.
STOPSIGNAL SIGTERM
CMD ["node", "--max-semi-space-size=64", "server.js"]
