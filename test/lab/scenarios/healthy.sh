: # the replica as deployed: nothing to change
