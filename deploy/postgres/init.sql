-- One database per store; each service creates its own tables on start.
CREATE DATABASE fhirstore;
CREATE DATABASE authserver;
CREATE DATABASE monitor;
