# pdmon in a container: build with the Swift image, run on a slim Debian with libpq.
FROM swift:6.0-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev pkg-config zlib1g-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product pdmon -Xswiftc -static-stdlib

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 zlib1g ca-certificates tzdata && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/.build/release/pdmon /usr/local/bin/pdmon
COPY sql /usr/share/pdmon/sql
ENV PDMON_SQL_DIR=/usr/share/pdmon/sql
ENTRYPOINT ["pdmon"]
CMD ["--help"]
