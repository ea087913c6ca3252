package io.camelquivo.policy;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The last step of the policy's first clause (what waiting fixes), which leaves the message in its source: it
 * changes nothing, but it must be there. Camel's error handler keeps the steps of the clause that handled an
 * exchange's earlier failure when a later failure meets a clause without steps of its own. A message that got a
 * 500 (whose clause dead-letters) and then spent its re-logins or its budget on 401s, 429s or lost answers
 * would be dead-lettered by the 500's steps, while its failure stays unhandled: the order ends on the
 * dead-letter topic and, sent again from its source, in Quivo too. With this step the first clause's own steps
 * replace any earlier ones.
 */
public class LeaveInSource implements Processor {

    @Override
    public void process(Exchange exchange) {
        // nothing to do: the unhandled failure is what keeps the message in its source
    }
}
