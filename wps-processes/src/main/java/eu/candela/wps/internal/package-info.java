/** Helpers shared by this module's processes; not part of its API. */
package eu.candela.wps.internal;
