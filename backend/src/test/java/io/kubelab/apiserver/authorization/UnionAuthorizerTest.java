package io.kubelab.apiserver.authorization;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The superuser short-circuit ahead of RBAC, and how refusals' reasons combine. */
class UnionAuthorizerTest {

    private static final RbacSource NOTHING = new InMemoryRbacSource(List.of(), List.of(), List.of(), List.of());

    @Test
    void systemMastersNeedNoBinding() {
        Authorizer chain = UnionAuthorizer.kubeadm(NOTHING);
        assertEquals(new Decision(true, ""), chain.authorize(Attributes.resource("admin",
                List.of("system:masters", "system:authenticated"), "delete", "", "nodes", "", "", "node01")));
        assertEquals(new Decision(true, ""), chain.authorize(Attributes.nonResource("admin",
                List.of("system:masters"), "get", "/debug/pprof")));
        // the user's name is no help, only the group
        assertEquals(new Decision(false, ""), chain.authorize(Attributes.resource("system:masters",
                List.of("system:authenticated"), "get", "", "pods", "", "default", "")));
    }

    @Test
    void reasonsOfEveryAuthorizerAreJoined() {
        Authorizer chain = new UnionAuthorizer(List.of(r -> Decision.noOpinion("first"), r -> Decision.noOpinion(""),
                r -> Decision.noOpinion("third")));
        assertEquals(new Decision(false, "first\nthird"),
                chain.authorize(Attributes.nonResource("x", List.of(), "get", "/")));
    }

    @Test
    void theFirstAllowWins() {
        Authorizer chain = new UnionAuthorizer(List.of(r -> Decision.noOpinion("no"), r -> Decision.allow("yes"),
                r -> Decision.allow("never asked")));
        assertEquals(new Decision(true, "yes"), chain.authorize(Attributes.nonResource("x", List.of(), "get", "/")));
    }
}
