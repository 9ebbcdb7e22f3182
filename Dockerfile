# Build stage: restore and publish the web app.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ClinicBlog.sln ./
COPY src/ src/
COPY migrations/ migrations/
RUN dotnet publish src/ClinicBlog.Web/ClinicBlog.Web.csproj -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o /app

# Runtime stage: the ASP.NET Core runtime, the app, curl for the health check, a non-root user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /data && chown "$APP_UID" /data
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Blog__DataDirectory=/data
USER $APP_UID
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl -fsS http://localhost:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "ClinicBlog.Web.dll"]
