/** The running cell as long work sees it: errors shown to the user, interrupts and progress. */
package dev.gocause.kernel.cell;
