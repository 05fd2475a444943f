/**
 * The in-memory BPMN engine floor: bpmn-engine running start → two user tasks → end, each user
 * task signalled as soon as it waits; instances per second, `concurrency` instances in flight.
 */
import { EventEmitter } from "node:events";
import { Engine } from "bpmn-engine";
import { closedLoop } from "../lib/load.ts";

const SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="bench" targetNamespace="http://bpmn.io/schema/bpmn">
  <process id="approval" isExecutable="true">
    <startEvent id="start" />
    <userTask id="review" />
    <userTask id="audit" />
    <endEvent id="end" />
    <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <sequenceFlow id="f2" sourceRef="review" targetRef="audit" />
    <sequenceFlow id="f3" sourceRef="audit" targetRef="end" />
  </process>
</definitions>`;

async function runInstance(n: number): Promise<void> {
  const engine = new Engine({ name: `bench-${n}`, source: SOURCE });
  const listener = new EventEmitter();
  listener.on("wait", (api: { signal: (m?: unknown) => void }) => api.signal({ outcome: "pass" }));
  const ended = new Promise<void>((resolve, reject) => {
    engine.once("end", () => resolve());
    engine.once("error", reject);
  });
  await engine.execute({ listener });
  await ended;
}

export function bpmnEngineFloor(concurrency: number, durationS: number) {
  let n = 0;
  return closedLoop(concurrency, durationS, () => runInstance(n++));
}
