# syntax=docker/dockerfile:1
#
# Answergate container image.
#
#   docker build -t answergate .
#   docker run --rm -p 8003:8003 -e API_KEYS=change-me answergate
#
# Stages: `deps` installs every dependency, `build` compiles the Nest monorepo,
# `prod-deps` installs production dependencies alone, and `runtime` holds only
# node_modules (production), dist/ and the docs/ corpus the embedded search indexes.

# Nest 12 is ESM-only and this CommonJS app loads it through require(esm), which
# needs Node >= 20.19. A Debian slim image keeps glibc (no musl surprises).
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# Fail the build, not the first start, when the base image is too old.
RUN node -e "const [a, b] = process.versions.node.split('.').map(Number); if (a < 20 || (a === 20 && b < 19)) { console.error('Answergate needs Node >= 20.19, this image has ' + process.version); process.exit(1); }"
COPY package.json package-lock.json ./
# No install scripts are needed to build (swc and file watchers are for tests and dev).
RUN npm ci --no-audit --no-fund --ignore-scripts

FROM deps AS build
COPY nest-cli.json tsconfig.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build

FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts also skips a telemetry postinstall that a Swagger dependency ships.
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts \
 && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=8003
WORKDIR /app
# npm and corepack are not used at run time; removing them leaves less for scanners and attackers.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
      /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack
# Files stay owned by root: the service user can read its code but never change it.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY docs ./docs
COPY deploy/docker/node-heap.sh /usr/local/bin/node-heap

# The image's `node` user, given by number so Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 8003
# Slim images have no curl: ask Node itself. Liveness only; readiness is the orchestrator's call.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8003) + '/health/live').then((res) => process.exit(res.ok ? 0 : 1), () => process.exit(1))"]
# The app drains in-flight streams on SIGTERM (SHUTDOWN_GRACE_MS) before it exits.
STOPSIGNAL SIGTERM
# Sets --max-old-space-size to 75 % (HEAP_PERCENT) of the container's memory limit, so the
# heap is collected before the pod reaches its limit, and --max-semi-space-size to 1/64 of it
# (1-16 MB); see deploy/docker/node-heap.sh.
ENTRYPOINT ["/usr/local/bin/node-heap"]
CMD ["node", "dist/apps/api/src/main.js"]
