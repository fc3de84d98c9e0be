/**
 * Checks of network exposure: whether a cluster or serverless workgroup has a public endpoint, whether its security
 * groups open its database port to the whole internet, whether its COPY/UNLOAD traffic stays in the VPC (enhanced
 * VPC routing), and whether it listens on the default port.
 */
package io.rsaudit.core.check.network;
