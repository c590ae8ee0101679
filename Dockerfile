# One image recipe for every service: docker build --build-arg SERVICE_FOLDER=gateway \
#   --build-arg SERVICE_PROJECT=PatientAccess.Gateway -t patientaccess/gateway .
# The gateway's country database is copied in when gateway/PatientAccess.Geo/Data/ holds it:
# run gateway/PatientAccess.Geo/Data/fetch-default-db.sh before building the gateway image
# (or mount a maintained database and set Geo__DatabasePath).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG SERVICE_FOLDER
ARG SERVICE_PROJECT
WORKDIR /src
COPY . .
RUN dotnet publish "${SERVICE_FOLDER}/${SERVICE_PROJECT}/${SERVICE_PROJECT}.csproj" -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
ARG SERVICE_PROJECT
ENV SERVICE_DLL=${SERVICE_PROJECT}.dll \
    Service__BindAddress=* \
    Service__DataDirectory=/data
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data && chown app:app /data
USER app
ENTRYPOINT ["sh", "-c", "exec dotnet \"$SERVICE_DLL\""]
