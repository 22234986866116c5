# Rytme production image. Multi-stage: install and build with dev dependencies, then copy the
# pruned tree into a slim runtime that runs as the unprivileged `node` user.
#   docker build -t rytme .
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://… -e PUBLIC_URL=https://… rytme
# See docs/deployment.md. (Not built in this repository's CI: Docker is only for production.)

# --- build ---------------------------------------------------------------------------------
FROM node:24-bookworm-slim AS build
WORKDIR /app
# Dependencies first, so the layer is cached while only sources change.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The React app is bundled by Vite into build/; server code runs as TypeScript directly.
RUN npx react-router build \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf tests bench docs .ci scripts/test*.ts

# --- runtime -------------------------------------------------------------------------------
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/app/data \
    DEMO=0
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# Liveness only (the process answers); orchestrators should use /readyz for traffic.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM from `docker stop` reaches node directly (exec form), which drains and stops gracefully.
STOPSIGNAL SIGTERM
CMD ["node", "server/main.ts"]
