/**
 * The use cases, whichever channel asks: register, status, pay, agent and community actions. A USSD screen names
 * one ({@code member.register}); an SMS keyword runs the same one, with the same once-only guarantees ({@link Actions}).
 * <p>May use: the domain packages, {@code outbox}, {@code store}, {@code menu} (action specs and outcomes), the base.
 * Never a channel.
 */
package id.kentongan.actions;
