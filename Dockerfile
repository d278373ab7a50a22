# The app image for docker-compose.yml. It always talks to the Neo4j service named by
# NEO4J_URI, so it needs no Java.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
ENV HOST=0.0.0.0 PORT=4000 NODE_ENV=production
EXPOSE 4000
# Not `npm start`: as PID 1, npm would not pass SIGTERM on, and `docker stop` must let
# requests in flight finish (what npm start runs, in one process).
CMD ["node", "--import", "tsx", "api/main.ts"]
