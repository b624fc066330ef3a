import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnyActorRef, Subscription } from 'xstate';

/** Re-renders its host whenever any of the actors it watches changes state. */
export class ActorController implements ReactiveController {
  private readonly subscriptions = new Map<AnyActorRef, Subscription>();
  private connected = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  watch(actor: AnyActorRef): void {
    if (this.subscriptions.has(actor)) return;
    this.subscriptions.set(actor, this.connected ? actor.subscribe(() => this.host.requestUpdate()) : { unsubscribe() {} });
  }

  unwatchAll(): void {
    for (const s of this.subscriptions.values()) s.unsubscribe();
    this.subscriptions.clear();
  }

  hostConnected(): void {
    this.connected = true;
    for (const actor of [...this.subscriptions.keys()]) {
      this.subscriptions.set(actor, actor.subscribe(() => this.host.requestUpdate()));
    }
  }

  hostDisconnected(): void {
    this.connected = false;
    for (const s of this.subscriptions.values()) s.unsubscribe();
  }
}
